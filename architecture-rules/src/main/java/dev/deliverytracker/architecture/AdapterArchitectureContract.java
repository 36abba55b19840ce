package dev.deliverytracker.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The tracker's boundaries for an adapter module of another repository, in one line:
 *
 * <pre>{@code
 * class SmsAdapterArchitectureTest extends AdapterArchitectureContract {
 *     SmsAdapterArchitectureTest() { super("com.example.tracker.sms"); }
 * }
 * }</pre>
 *
 * It imports the module's production classes in that package (tests excluded) and checks
 * {@link ArchitectureRules#adapterRules(String)}: one test per rule, each failing when it finds no class.
 */
public abstract class AdapterArchitectureContract {

    private final String adapterPackage;

    protected AdapterArchitectureContract(String adapterPackage) {
        this.adapterPackage = adapterPackage;
    }

    @TestFactory
    List<DynamicTest> the_adapter_keeps_to_the_trackers_boundaries() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(adapterPackage);
        return ArchitectureRules.adapterRules(adapterPackage).stream()
                .map((ArchRule rule) -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)))
                .toList();
    }
}
