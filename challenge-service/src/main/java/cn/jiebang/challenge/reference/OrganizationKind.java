package cn.jiebang.challenge.reference;

public enum OrganizationKind {
    ENTERPRISE,
    UNIVERSITY,
    RESEARCH_INSTITUTE,
    GOVERNMENT_AGENCY,
    OTHER
}
