package cn.jiebang.challenge.account.domain;

public enum OrganizationKind {
    ENTERPRISE,
    UNIVERSITY,
    RESEARCH_INSTITUTE,
    GOVERNMENT_AGENCY,
    OTHER
}
