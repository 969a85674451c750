package cn.jiebang.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout every service keeps (docs/architecture.md, "Packages"): features first
 * ({@code cn.jiebang.bid.judging}), each with its {@code domain}, {@code application} and {@code web} layers.
 * A service's {@code ArchitectureTest} checks its production classes against these rules.
 */
public final class ArchitectureRules {

    private static final String REPOSITORY = "io.micronaut.data.jdbc.annotation.JdbcRepository";
    private static final String CONTROLLER = "io.micronaut.http.annotation.Controller";

    private ArchitectureRules() {
    }

    /** The production classes of a service, without its tests. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** No two packages of the service depend on each other, directly or through others. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles()
                .as("the packages of " + rootPackage + " are free of cycles");
    }

    /**
     * Coarser than {@link #noPackageCycles}: a feature ({@code cn.jiebang.bid.judging}, with all its layers) uses
     * another only if that one does not use it back, through any layer.
     */
    public static ArchRule noFeatureCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                .as("the features of " + rootPackage + " are free of cycles");
    }

    /** The domain knows nothing of HTTP, Kafka or the service's adapters, so its tests are plain JUnit. */
    public static ArchRule domainStaysPure() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..application..",
                        "io.micronaut.http..", "io.micronaut.security..", "org.apache.kafka..")
                .as("domain classes do not depend on web, messaging, application, HTTP, security or Kafka types");
    }

    /** A controller speaks HTTP and calls the application layer; it never reads or writes tables itself. */
    public static ArchRule controllersUseTheApplicationLayer() {
        return noClasses().that().areAnnotatedWith(CONTROLLER)
                .should().dependOnClassesThat().areAnnotatedWith(REPOSITORY)
                .as("controllers do not use repositories directly");
    }

    public static List<ArchRule> all(String rootPackage) {
        return List.of(noPackageCycles(rootPackage), domainStaysPure(), controllersUseTheApplicationLayer());
    }
}
