package cn.jiebang.challenge.account.web;

import cn.jiebang.challenge.account.domain.Organization;
import cn.jiebang.challenge.account.domain.OrganizationStatus;
import cn.jiebang.challenge.account.domain.Role;
import cn.jiebang.challenge.account.domain.User;
import cn.jiebang.challenge.reference.OrganizationKind;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the account API shows of organizations and users: never a password hash. */
final class AccountViews {

    private AccountViews() {
    }

    @Serdeable
    record OrganizationView(String id, String name, String creditCode, Region region, OrganizationKind kind,
                            OrganizationStatus status, @Nullable String rejectionReason, Instant createdAt) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.getId(), o.getName(), o.creditCodeAsGiven(), o.getRegion(), o.getKind(),
                    o.getStatus(), o.getRejectionReason(), o.getCreatedAt());
        }
    }

    /**
     * An organization as anyone may see it in the directory: who it is, never its credit code, status,
     * rejection reason or users.
     */
    @Serdeable
    record DirectoryEntry(String id, String name, Region region, OrganizationKind kind) {
        static DirectoryEntry of(Organization o) {
            return new DirectoryEntry(o.getId(), o.getName(), o.getRegion(), o.getKind());
        }
    }

    @Serdeable
    record UserView(String id, String organizationId, String name, String email, Set<Role> roles,
                    Set<TechnologyField> expertiseFields, String language, boolean active, Instant createdAt) {
        static UserView of(User u) {
            return new UserView(u.getId(), u.getOrganizationId(), u.getName(), u.getEmail(), u.getRoles(),
                    u.getExpertiseFields(), u.getLanguage(), u.isActive(), u.getCreatedAt());
        }
    }

    @Serdeable
    record Paged<T>(List<T> items, int page, int size, long totalItems) {
    }
}
