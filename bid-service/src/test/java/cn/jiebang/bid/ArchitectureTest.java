package cn.jiebang.bid;

import cn.jiebang.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ArchitectureTest {

    private static final String ROOT = "cn.jiebang.bid";

    @TestFactory
    Stream<DynamicTest> keepsThePackageLayout() {
        JavaClasses classes = ArchitectureRules.productionClasses(ROOT);
        return Stream.concat(ArchitectureRules.all(ROOT).stream(), Stream.of(ArchitectureRules.noFeatureCycles(ROOT)))
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
