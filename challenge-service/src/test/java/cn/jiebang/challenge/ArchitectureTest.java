package cn.jiebang.challenge;

import cn.jiebang.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The service keeps the package layout of docs/architecture.md, "Packages inside a service". */
class ArchitectureTest {

    private static final String ROOT = "cn.jiebang.challenge";

    @TestFactory
    Stream<DynamicTest> keepsThePackageLayout() {
        JavaClasses classes = ArchitectureRules.productionClasses(ROOT);
        return ArchitectureRules.all(ROOT).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
