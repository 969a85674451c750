package cn.jiebang.challenge.account.domain;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.Set;

@Singleton
class RolesConverter implements AttributeConverter<Set<Role>, String> {

    @Override
    public String convertToPersistedValue(Set<Role> roles, ConversionContext context) {
        return EnumSetColumn.write(roles);
    }

    @Override
    public Set<Role> convertToEntityValue(String column, ConversionContext context) {
        return EnumSetColumn.read(column, Role.class);
    }
}
