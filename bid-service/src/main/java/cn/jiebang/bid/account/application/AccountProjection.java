package cn.jiebang.bid.account.application;

import cn.jiebang.bid.account.domain.KnownOrganization;
import cn.jiebang.bid.account.domain.KnownOrganizations;
import cn.jiebang.bid.account.domain.KnownUser;
import cn.jiebang.bid.account.domain.KnownUsers;
import cn.jiebang.events.ChallengeAwarded;
import cn.jiebang.events.OrganizationRegistered;
import cn.jiebang.events.OrganizationUpdated;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.events.UserUpdated;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** Keeps bid-service's copy of organizations and users from {@code account.events}; runs in the inbox's transaction. */
@Singleton
public class AccountProjection {

    private final KnownOrganizations organizations;
    private final KnownUsers users;

    AccountProjection(KnownOrganizations organizations, KnownUsers users) {
        this.organizations = organizations;
        this.users = users;
    }

    @Transactional(propagation = MANDATORY)
    public void on(OrganizationRegistered event) {
        upsert(KnownOrganization.from(event));
    }

    @Transactional(propagation = MANDATORY)
    public void on(OrganizationUpdated event) {
        boolean won = organizations.findById(event.organizationId()).map(KnownOrganization::pastWinner).orElse(false);
        upsert(new KnownOrganization(event.organizationId(), event.name(), event.region(), event.kind(), won));
    }

    /** The winners' organizations become past winners, which a challenge may exclude. */
    @Transactional(propagation = MANDATORY)
    public void on(ChallengeAwarded event) {
        event.winners().forEach(w -> organizations.findById(w.organizationId())
                .map(KnownOrganization::asWinner).ifPresent(organizations::update));
    }

    private void upsert(KnownOrganization organization) {
        if (organizations.existsById(organization.organizationId())) {
            organizations.update(organization);
        } else {
            organizations.save(organization);
        }
    }

    @Transactional(propagation = MANDATORY)
    public void on(UserRegistered event) {
        upsert(KnownUser.of(event.userId(), event.organizationId(), event.name(), event.roles(), event.expertiseFields()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(UserUpdated event) {
        upsert(KnownUser.of(event.userId(), event.organizationId(), event.name(), event.roles(), event.expertiseFields()));
    }

    private void upsert(KnownUser user) {
        if (users.existsById(user.userId())) {
            users.update(user);
        } else {
            users.save(user);
        }
    }
}
