package cn.jiebang.challenge.requirement.domain;

public enum RequirementKind {
    /** 卡脖子: a technology the industry depends on and cannot source. */
    BOTTLENECK,
    /** 关键共性技术: a key technology many firms need. */
    COMMON_KEY
}
