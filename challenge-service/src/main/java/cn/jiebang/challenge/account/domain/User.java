package cn.jiebang.challenge.account.domain;

import cn.jiebang.challenge.domain.TechnologyField;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.events.UserUpdated;
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
    private String id;
    private String organizationId;
    private String name;
    private String email;
    @TypeDef(type = DataType.STRING)
    @MappedProperty(converter = RolesConverter.class)
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    @TypeDef(type = DataType.STRING)
    @MappedProperty(converter = FieldsConverter.class)
    private Set<TechnologyField> expertiseFields = EnumSet.noneOf(TechnologyField.class);
    private String language;
    private String passwordHash;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    public User() {
    }

    public static User create(String organizationId, String name, String email, Set<Role> roles,
                              Set<TechnologyField> expertiseFields, String language, String passwordHash,
                              boolean active, Instant now) {
        User u = new User();
        u.id = UUID.randomUUID().toString();
        u.organizationId = organizationId;
        u.name = name;
        u.email = normalizeEmail(email);
        u.roles = EnumSet.copyOf(roles);
        u.expertiseFields = expertiseFields.isEmpty() ? EnumSet.noneOf(TechnologyField.class) : EnumSet.copyOf(expertiseFields);
        u.language = language;
        u.passwordHash = passwordHash;
        u.active = active;
        u.createdAt = now;
        u.updatedAt = now;
        return u;
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

    public void setId(String id) {
        this.id = id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles;
    }

    public Set<TechnologyField> getExpertiseFields() {
        return expertiseFields;
    }

    public void setExpertiseFields(Set<TechnologyField> expertiseFields) {
        this.expertiseFields = expertiseFields;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
