package cn.jiebang.challenge.reference;

public enum Region {
    BEIJING,
    TIANJIN,
    HEBEI,
    OTHER
}
