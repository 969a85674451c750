package cn.jiebang.challenge.account.application;

import cn.jiebang.challenge.account.domain.CreditCode;
import cn.jiebang.challenge.account.domain.Organization;
import cn.jiebang.challenge.account.domain.Organizations;
import cn.jiebang.challenge.account.domain.Role;
import cn.jiebang.challenge.account.domain.User;
import cn.jiebang.challenge.account.domain.Users;
import cn.jiebang.challenge.reference.OrganizationKind;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.messaging.Outbox;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Organizations and users: registered by the program office, or applied for and approved. */
@Singleton
public class AccountAdministration {

    private final Organizations organizations;
    private final Users users;
    private final Passwords passwords;
    private final Outbox outbox;
    private final Clock clock;

    AccountAdministration(Organizations organizations, Users users, Passwords passwords, Outbox outbox, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.passwords = passwords;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewOrganization(String name, String creditCode, Region region, OrganizationKind kind) {
    }

    public record NewUser(String name, String email, Set<Role> roles, Set<TechnologyField> expertiseFields,
                          String language, String password) {
    }

    @Transactional
    public Organization registerOrganization(NewOrganization o) {
        Organization organization = organizations.save(Organization.registered(o.name(), uniqueCode(o.creditCode()),
                o.region(), o.kind(), clock.instant()));
        outbox.add(organization.registration(organization.getCreatedAt()));
        return organization;
    }

    /** 申请注册: the organization and its contact person wait, unable to sign in, until approved. */
    @Transactional
    public Organization applyForRegistration(NewOrganization o, NewUser contact) {
        Instant now = clock.instant();
        Organization organization = organizations.save(Organization.applied(o.name(), uniqueCode(o.creditCode()),
                o.region(), o.kind(), now));
        requireApplicantRoles(contact.roles());
        users.save(newUser(organization.getId(), contact, false, now));
        return organization;
    }

    @Transactional
    public Organization updateOrganization(String organizationId, String name, Region region, OrganizationKind kind) {
        Organization organization = organizations.require(organizationId);
        outbox.add(organization.update(name, region, kind, clock.instant()));
        return organizations.update(organization);
    }

    @Transactional
    public Organization approve(String organizationId) {
        Instant now = clock.instant();
        Organization organization = organizations.require(organizationId);
        outbox.add(organization.approve(now));
        Organization saved = organizations.update(organization);
        for (User user : users.findByOrganizationId(organizationId)) {
            outbox.add(user.activate(now));
            users.update(user);
        }
        return saved;
    }

    /** The application is kept with its reason; its contacts, who never could sign in, are removed so their e-mails are free. */
    @Transactional
    public Organization reject(String organizationId, String reason) {
        Organization organization = organizations.require(organizationId);
        organization.reject(reason);
        users.findByOrganizationId(organizationId).forEach(users::delete);
        return organizations.update(organization);
    }

    @Transactional
    public User registerUser(String organizationId, NewUser u) {
        Organization organization = organizations.require(organizationId);
        if (!organization.isActive()) {
            throw new Rejected("organization-not-active", "organization " + organizationId + " is "
                    + organization.getStatus() + "; approve it before adding users", "organizationId");
        }
        User user = users.save(newUser(organizationId, u, true, clock.instant()));
        outbox.add(user.registration(user.getCreatedAt()));
        return user;
    }

    @Transactional
    public User updateUser(String userId, String name, Set<Role> roles, Set<TechnologyField> expertiseFields,
                           String language) {
        return updateUser(users.require(userId), name, roles, expertiseFields, language);
    }

    private User updateUser(User user, String name, Set<Role> roles, Set<TechnologyField> expertiseFields,
                            String language) {
        var updated = user.update(name, roles, expertiseFields, language, clock.instant());
        User saved = users.update(user);
        if (saved.isActive()) {
            outbox.add(updated);
        }
        return saved;
    }

    /** A user's own edit: roles stay as they are now, read inside this transaction. */
    @Transactional
    public User updateProfile(String userId, String name, Set<TechnologyField> expertiseFields, String language) {
        User user = users.require(userId);
        return updateUser(user, name, user.getRoles(), expertiseFields, language);
    }

    /** The program office and its first ADMIN, together or not at all. */
    @Transactional
    public User bootstrapAdmin(NewOrganization office, NewUser admin) {
        Organization organization = registerOrganization(office);
        return registerUser(organization.getId(), admin);
    }

    private User newUser(String organizationId, NewUser u, boolean active, Instant now) {
        if (users.existsByEmail(User.normalizeEmail(u.email()))) {
            throw new Rejected("email-taken", "an account with e-mail " + u.email() + " exists already", "email");
        }
        return User.create(organizationId, u.name(), u.email(), u.roles(), u.expertiseFields(), u.language(),
                passwords.hash(u.password()), active, now);
    }

    private CreditCode uniqueCode(String text) {
        CreditCode code = CreditCode.parse(text);
        if (organizations.existsByCreditCode(code.value())) {
            throw new Rejected("credit-code-taken", "an organization with credit code " + code.value()
                    + " is registered already", "creditCode");
        }
        return code;
    }

    private static void requireApplicantRoles(Set<Role> roles) {
        if (roles.contains(Role.ADMIN)) {
            throw new Rejected("role-not-allowed", "an applicant cannot ask for the ADMIN role", "contact.roles");
        }
    }

    static class Rejected extends DomainProblem {
        Rejected(String code, String detail, String field) {
            super(Kind.REJECTED, code, detail, List.of(new FieldProblem(field, detail)));
        }
    }
}
