package cn.jiebang.challenge.account.application;

import cn.jiebang.challenge.account.domain.DirectoryFilter;
import cn.jiebang.challenge.account.domain.Organization;
import cn.jiebang.challenge.account.domain.OrganizationStatus;
import cn.jiebang.challenge.account.domain.Organizations;
import cn.jiebang.challenge.account.domain.User;
import cn.jiebang.challenge.account.domain.Users;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

/** Organizations and users as they are read; who may see what is decided by the caller of these reads. */
@Singleton
public class AccountQueries {

    private final Organizations organizations;
    private final Users users;

    AccountQueries(Organizations organizations, Users users) {
        this.organizations = organizations;
        this.users = users;
    }

    /** The public directory: active organizations only, by name. */
    public Page<Organization> directory(DirectoryFilter filter, int page, int size) {
        return organizations.findAll(filter.toSpecification(),
                Pageable.from(page, size, Sort.of(Sort.Order.asc("name"), Sort.Order.asc("id"))));
    }

    /** An active organization; any other is not found, so applications cannot be probed. */
    public Organization activeOrganization(String id) {
        return organizations.requireActive(id);
    }

    /** Organizations, newest first, of one status or all. */
    public Page<Organization> organizations(@Nullable OrganizationStatus status, int page, int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt")));
        return status == null ? organizations.findAll(pageable) : organizations.findByStatus(status, pageable);
    }

    public Organization organization(String id) {
        return organizations.require(id);
    }

    /** The users of an organization, by name. */
    public Page<User> members(String organizationId, int page, int size) {
        return users.findByOrganizationId(organizationId, Pageable.from(page, size, Sort.of(Sort.Order.asc("name"))));
    }

    /** All users, by name. */
    public Page<User> users(int page, int size) {
        return users.findAll(Pageable.from(page, size, Sort.of(Sort.Order.asc("name"))));
    }

    public User user(String id) {
        return users.require(id);
    }
}
