package cn.jiebang.challenge;

import cn.jiebang.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    private static final String ROOT = "cn.jiebang.challenge";

    /**
     * Coarser than the package rule: evaluation uses challenge, challenge uses requirement and account, so an
     * edge back, say from {@code challenge.application} to {@code evaluation.application}, is a cycle here.
     */
    private static final ArchRule FEATURES_FREE_OF_CYCLES = slices().matching(ROOT + ".(*)..").should()
            .beFreeOfCycles().as("the features of " + ROOT + " are free of cycles");

    @TestFactory
    Stream<DynamicTest> keepsThePackageLayout() {
        JavaClasses classes = ArchitectureRules.productionClasses(ROOT);
        return Stream.concat(ArchitectureRules.all(ROOT).stream(), Stream.of(FEATURES_FREE_OF_CYCLES))
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
