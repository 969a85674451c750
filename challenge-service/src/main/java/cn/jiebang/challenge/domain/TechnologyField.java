package cn.jiebang.challenge.domain;

public enum TechnologyField {
    NEW_GENERATION_IT,
    BIOMEDICINE,
    AEROSPACE,
    BRAIN_COMPUTER_INTERFACE,
    ADVANCED_MANUFACTURING,
    NEW_MATERIALS,
    NEW_ENERGY,
    OTHER
}
