package cn.jiebang.notification.recipient.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Recipients extends CrudRepository<Recipient, String> {

    List<Recipient> findByOrganizationId(String organizationId);

    /** The ids of an organization's users holding the role. */
    @Query(value = "SELECT user_id FROM recipient WHERE organization_id = :organizationId"
            + " AND FIND_IN_SET(:role, roles) > 0 ORDER BY user_id", nativeQuery = true)
    List<String> withRoleIn(String organizationId, String role);

    /** The ids of all users holding the role, e.g. the program office (ADMIN). */
    @Query(value = "SELECT user_id FROM recipient WHERE FIND_IN_SET(:role, roles) > 0 ORDER BY user_id", nativeQuery = true)
    List<String> withRole(String role);

}
