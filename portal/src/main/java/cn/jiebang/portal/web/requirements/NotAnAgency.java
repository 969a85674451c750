package cn.jiebang.portal.web.requirements;

/** A signed-in user who is not an agency's asked for a requirement page: only agencies write them. */
class NotAnAgency extends RuntimeException {

    NotAnAgency() {
        super("requirement pages are for agencies", null, false, false);
    }
}
