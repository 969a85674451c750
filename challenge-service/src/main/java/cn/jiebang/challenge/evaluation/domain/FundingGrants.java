package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface FundingGrants extends GenericRepository<FundingGrant, String> {

    FundingGrant save(FundingGrant grant);

    FundingGrant update(FundingGrant grant);

    Optional<FundingGrant> findById(String id);

    List<FundingGrant> findByChallengeIdOrderByRoundIndex(String challengeId);

    /** A grant of that challenge; one of another challenge is not found through this one. */
    default FundingGrant require(String challengeId, String id) {
        return findById(id).filter(g -> g.getChallengeId().equals(challengeId))
                .orElseThrow(() -> new GrantNotFound(id));
    }

    class GrantNotFound extends DomainProblem {
        GrantNotFound(String id) {
            super(Kind.NOT_FOUND, "grant-not-found", "no funding grant " + id);
        }
    }
}
