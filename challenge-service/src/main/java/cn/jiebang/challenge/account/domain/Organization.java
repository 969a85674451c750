package cn.jiebang.challenge.account.domain;

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
    private String id;
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
    private Instant createdAt;
    @Version
    private Long version;

    public Organization() {
    }

    private static Organization create(String name, CreditCode code, Region region, OrganizationKind kind,
                                       OrganizationStatus status, Instant now) {
        Organization o = new Organization();
        o.id = UUID.randomUUID().toString();
        o.name = name;
        o.creditCode = code.value();
        o.region = region;
        o.kind = kind;
        o.status = status;
        o.createdAt = now;
        return o;
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

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Nullable
    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(@Nullable String creditCode) {
        this.creditCode = creditCode;
    }

    @Nullable
    public String getRejectedCreditCode() {
        return rejectedCreditCode;
    }

    public void setRejectedCreditCode(@Nullable String rejectedCreditCode) {
        this.rejectedCreditCode = rejectedCreditCode;
    }

    public Region getRegion() {
        return region;
    }

    public void setRegion(Region region) {
        this.region = region;
    }

    public OrganizationKind getKind() {
        return kind;
    }

    public void setKind(OrganizationKind kind) {
        this.kind = kind;
    }

    public OrganizationStatus getStatus() {
        return status;
    }

    public void setStatus(OrganizationStatus status) {
        this.status = status;
    }

    @Nullable
    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(@Nullable String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
