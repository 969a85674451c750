package cn.jiebang.challenge.account.domain;

import cn.jiebang.challenge.reference.OrganizationKind;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.events.OrganizationRegistered;
import cn.jiebang.events.OrganizationUpdated;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Transient;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** A university, institute, enterprise or agency taking part in the programs. */
@MappedEntity("organization")
public class Organization {

    @Id
    private final String id;
    private String name;
    @Nullable
    private String creditCode;
    @Nullable
    private String rejectedCreditCode;
    private Region region;
    private OrganizationKind kind;
    private OrganizationStatus status;
    @Nullable
    private String rejectionReason;
    private final Instant createdAt;
    @Version
    private final Long version;

    /** Every column, for Micronaut Data and fixture builders (ADR 0021); new ones are registered or applied. */
    public Organization(String id, String name, @Nullable String creditCode, @Nullable String rejectedCreditCode,
                        Region region, OrganizationKind kind, OrganizationStatus status, @Nullable String rejectionReason,
                        Instant createdAt, @Nullable Long version) {
        this.id = id;
        this.name = name;
        this.creditCode = creditCode;
        this.rejectedCreditCode = rejectedCreditCode;
        this.region = region;
        this.kind = kind;
        this.status = status;
        this.rejectionReason = rejectionReason;
        this.createdAt = createdAt;
        this.version = version;
    }

    private static Organization create(String name, CreditCode code, Region region, OrganizationKind kind,
                                       OrganizationStatus status, Instant now) {
        return new Organization(UUID.randomUUID().toString(), name, code.value(), null, region, kind, status, null, now,
                null);
    }

    /** Registered directly by the program office: active at once. */
    public static Organization registered(String name, CreditCode code, Region region, OrganizationKind kind, Instant now) {
        return create(name, code, region, kind, OrganizationStatus.ACTIVE, now);
    }

    /** Applied to register by itself: waits for the program office. */
    public static Organization applied(String name, CreditCode code, Region region, OrganizationKind kind, Instant now) {
        return create(name, code, region, kind, OrganizationStatus.PENDING, now);
    }

    public OrganizationRegistered registration(Instant at) {
        return new OrganizationRegistered(id, name, creditCode, region.name(), kind.name(), at);
    }

    public OrganizationRegistered approve(Instant now) {
        requirePending();
        status = OrganizationStatus.ACTIVE;
        return registration(now);
    }

    /** Name, region and kind may change; the credit code is the organization's identity and does not. */
    public OrganizationUpdated update(String newName, Region newRegion, OrganizationKind newKind, Instant now) {
        if (status != OrganizationStatus.ACTIVE) {
            throw new NotActive(id, status);
        }
        name = newName;
        region = newRegion;
        kind = newKind;
        return new OrganizationUpdated(id, name, creditCode, region.name(), kind.name(), now);
    }

    /** Kept with its reason; its credit code is set aside so that the real organization can still register. */
    public void reject(String reason) {
        requirePending();
        status = OrganizationStatus.REJECTED;
        rejectionReason = reason;
        rejectedCreditCode = creditCode;
        creditCode = null;
    }

    /** The code it registered or applied with, whatever became of the application. */
    public String creditCodeAsGiven() {
        return creditCode != null ? creditCode : rejectedCreditCode;
    }

    @Transient
    public boolean isActive() {
        return status == OrganizationStatus.ACTIVE;
    }

    private void requirePending() {
        if (status != OrganizationStatus.PENDING) {
            throw new NotPending(id, status);
        }
    }

    public static class NotActive extends DomainProblem {
        NotActive(String id, OrganizationStatus status) {
            super(Kind.CONFLICT, "organization-not-active", "organization " + id + " is " + status
                    + "; only an active organization can be changed");
        }
    }

    public static class NotPending extends DomainProblem {
        NotPending(String id, OrganizationStatus status) {
            super(Kind.CONFLICT, "organization-not-pending", "organization " + id + " is " + status + ", not awaiting approval");
        }
    }

    public String getId() {
        return id;
    }


    public String getName() {
        return name;
    }


    @Nullable
    public String getCreditCode() {
        return creditCode;
    }


    @Nullable
    public String getRejectedCreditCode() {
        return rejectedCreditCode;
    }


    public Region getRegion() {
        return region;
    }


    public OrganizationKind getKind() {
        return kind;
    }


    public OrganizationStatus getStatus() {
        return status;
    }


    @Nullable
    public String getRejectionReason() {
        return rejectionReason;
    }


    public Instant getCreatedAt() {
        return createdAt;
    }


    public Long getVersion() {
        return version;
    }

}
