package cn.jiebang.challenge.reference;

/** A user's search text as a SQL LIKE pattern that finds it anywhere, literally: % and _ are not wildcards. */
public final class LikePattern {

    private LikePattern() {
    }

    public static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
