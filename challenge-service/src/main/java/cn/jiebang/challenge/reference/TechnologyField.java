package cn.jiebang.challenge.reference;

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
