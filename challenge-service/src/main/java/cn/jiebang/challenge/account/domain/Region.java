package cn.jiebang.challenge.account.domain;

public enum Region {
    BEIJING,
    TIANJIN,
    HEBEI,
    OTHER
}
