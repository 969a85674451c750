package cn.jiebang.portal.web.bids;

/** A signed-in user who is not a research team's asked for a bid page: only teams bid. */
class NotATeam extends RuntimeException {

    NotATeam() {
        super("bid pages are for research teams", null, false, false);
    }
}
