package cn.jiebang.web;

/** Where problem types live: {@code type} URIs are stable identifiers clients may switch on. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://jiebang.cn/problems/";

    private Problems() {
    }

    public static String type(String code) {
        return TYPE_BASE + code;
    }
}
