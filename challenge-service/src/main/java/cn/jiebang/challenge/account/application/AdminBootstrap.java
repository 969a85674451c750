package cn.jiebang.challenge.account.application;

import cn.jiebang.challenge.account.application.AccountAdministration.NewOrganization;
import cn.jiebang.challenge.account.application.AccountAdministration.NewUser;
import cn.jiebang.challenge.account.domain.Role;
import cn.jiebang.challenge.account.domain.User;
import cn.jiebang.challenge.account.domain.Users;
import cn.jiebang.challenge.reference.OrganizationKind;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * The first program-office account, so there is someone to create the others. Runs at start-up when
 * {@code jiebang.bootstrap.admin.email} and {@code .password} are set and that account does not exist.
 */
@Singleton
@Requires(property = "jiebang.bootstrap.admin.email")
@Requires(property = "jiebang.bootstrap.admin.password")
class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountAdministration administration;
    private final Users users;
    private final String email;
    private final String password;
    private final String organizationName;
    private final String creditCode;

    AdminBootstrap(AccountAdministration administration, Users users,
                   @Value("${jiebang.bootstrap.admin.email}") String email,
                   @Value("${jiebang.bootstrap.admin.password}") String password,
                   @Value("${jiebang.bootstrap.organization.name:项目管理办公室 Program Office}") String organizationName,
                   @Value("${jiebang.bootstrap.organization.credit-code:11110000MB01234562}") String creditCode) {
        if (password.length() < 10) {
            throw new ConfigurationException("jiebang.bootstrap.admin.password must have at least 10 characters");
        }
        this.administration = administration;
        this.users = users;
        this.email = email;
        this.password = password;
        this.organizationName = organizationName;
        this.creditCode = creditCode;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (users.existsByEmail(User.normalizeEmail(email))) {
            return;
        }
        try {
            administration.bootstrapAdmin(new NewOrganization(organizationName, creditCode, Region.BEIJING,
                    OrganizationKind.GOVERNMENT_AGENCY), new NewUser("Program Office Admin", email, Set.of(Role.ADMIN),
                    Set.of(), "zh", password));
            LOG.info("created the first ADMIN account {}", email);
        } catch (DomainProblem | DataAccessException e) {
            // another instance won the race, or the office exists with other admins
            LOG.info("did not create the first ADMIN account {}: {}", email, e.getMessage());
        }
    }
}
