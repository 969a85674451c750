package cn.jiebang.challenge.account.domain;

import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.events.UserUpdated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A person who signs in: belongs to one organization, holds one or more roles. */
@MappedEntity("app_user")
public class User {

    @Id
    private final String id;
    private final String organizationId;
    private String name;
    private final String email;
    @TypeDef(type = DataType.STRING)
    @MappedProperty(converter = RolesConverter.class)
    private Set<Role> roles;
    @TypeDef(type = DataType.STRING)
    @MappedProperty(converter = FieldsConverter.class)
    private Set<TechnologyField> expertiseFields;
    private String language;
    private String passwordHash;
    private boolean active;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private final Long version;

    /** Every column, for Micronaut Data and fixture builders (ADR 0021); a new user is {@link #create}d. */
    public User(String id, String organizationId, String name, String email, Set<Role> roles,
                Set<TechnologyField> expertiseFields, String language, String passwordHash, boolean active,
                Instant createdAt, Instant updatedAt, @Nullable Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.email = email;
        this.roles = roles;
        this.expertiseFields = expertiseFields;
        this.language = language;
        this.passwordHash = passwordHash;
        this.active = active;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    public static User create(String organizationId, String name, String email, Set<Role> roles,
                              Set<TechnologyField> expertiseFields, String language, String passwordHash,
                              boolean active, Instant now) {
        return new User(UUID.randomUUID().toString(), organizationId, name, normalizeEmail(email), EnumSet.copyOf(roles),
                expertiseFields.isEmpty() ? EnumSet.noneOf(TechnologyField.class) : EnumSet.copyOf(expertiseFields),
                language, passwordHash, active, now, now, null);
    }

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public UserRegistered registration(Instant at) {
        return new UserRegistered(id, organizationId, name, email, names(roles), names(expertiseFields), language, at);
    }

    public UserRegistered activate(Instant now) {
        active = true;
        updatedAt = now;
        return registration(now);
    }

    public UserUpdated update(String newName, Set<Role> newRoles, Set<TechnologyField> newFields, String newLanguage,
                              Instant now) {
        name = newName;
        roles = EnumSet.copyOf(newRoles);
        expertiseFields = newFields.isEmpty() ? EnumSet.noneOf(TechnologyField.class) : EnumSet.copyOf(newFields);
        language = newLanguage;
        updatedAt = now;
        return new UserUpdated(id, organizationId, name, email, names(roles), names(expertiseFields), language, now);
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    public String getId() {
        return id;
    }


    public String getOrganizationId() {
        return organizationId;
    }


    public String getName() {
        return name;
    }


    public String getEmail() {
        return email;
    }


    public Set<Role> getRoles() {
        return roles;
    }


    public Set<TechnologyField> getExpertiseFields() {
        return expertiseFields;
    }


    public String getLanguage() {
        return language;
    }


    public String getPasswordHash() {
        return passwordHash;
    }


    public boolean isActive() {
        return active;
    }


    public Instant getCreatedAt() {
        return createdAt;
    }


    public Instant getUpdatedAt() {
        return updatedAt;
    }


    public Long getVersion() {
        return version;
    }

}
