package cn.jiebang.challenge.account.domain;

import cn.jiebang.challenge.reference.TechnologyField;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.Set;

@Singleton
class FieldsConverter implements AttributeConverter<Set<TechnologyField>, String> {

    @Override
    public String convertToPersistedValue(Set<TechnologyField> fields, ConversionContext context) {
        return EnumSetColumn.write(fields);
    }

    @Override
    public Set<TechnologyField> convertToEntityValue(String column, ConversionContext context) {
        return EnumSetColumn.read(column, TechnologyField.class);
    }
}
