package cn.jiebang.web;

/**
 * Limits of a paged list ({@code ?page=&size=}). Micronaut Data turns page × size into an {@code int}
 * offset, so a page past {@code Integer.MAX_VALUE / size} wraps around and answers the first page's
 * items. Every list caps its page with {@code @Max(Paging.MAX_PAGE)} (a 400 beyond it), which keeps
 * page × size in range for every size up to {@link #MAX_SIZE}.
 */
public final class Paging {

    /** The highest page number a list accepts (pages count from 0). */
    public static final long MAX_PAGE = 1_000_000;

    /** The largest page size any list may allow with {@link #MAX_PAGE}: the product stays an int. */
    public static final int MAX_SIZE = (int) (Integer.MAX_VALUE / (MAX_PAGE + 1));

    private Paging() {
    }
}
