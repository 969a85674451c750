package cn.jiebang.challenge.challenge.web;

import cn.jiebang.challenge.challenge.application.ChallengeQueries;
import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.ChallengeNotFound;
import cn.jiebang.web.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * A challenge as a caller may know it: published (and later) ones for anyone; a draft, never published, for the
 * program office and the agency that will own it. To anyone else every route answers for a draft exactly as for
 * an unknown id, so drafts cannot be probed.
 */
@Singleton
public class VisibleChallenges {

    private final ChallengeQueries queries;

    VisibleChallenges(ChallengeQueries queries) {
        this.queries = queries;
    }

    public Challenge require(String id, @Nullable Authentication caller) {
        Challenge challenge = queries.challenge(id);
        if (challenge.getPublishedAt() == null && !Callers.hasRole(caller, "ADMIN") && !ownedBy(challenge, caller)) {
            throw new ChallengeNotFound(id);
        }
        return challenge;
    }

    public static boolean ownedBy(Challenge challenge, @Nullable Authentication caller) {
        return Callers.hasRole(caller, "AGENCY")
                && challenge.getOwnerOrganizationId().equals(Callers.organizationOf(caller));
    }
}
