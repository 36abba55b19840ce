package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.EvaluationResult;
import com.example.outside.OutsideAdapterCallingAService;
import com.example.outside.OutsideAdapterUsingTheWebAdapter;
import com.example.outside.OutsideControllerReachingPastTheUseCase;
import com.example.outside.OutsideNotifier;
import dev.deliverytracker.adapter.newcomer.fixture.NewcomerReachingIntoWeb;
import dev.deliverytracker.adapter.web.fixture.ControllerCallingAService;
import dev.deliverytracker.adapter.web.fixture.ControllerReachingPastTheUseCase;
import dev.deliverytracker.adapter.web.fixture.WebAdapterReachingIntoPersistence;
import dev.deliverytracker.adapter.web.fixture.WebAdapterUsingBootstrap;
import dev.deliverytracker.application.fixture.ApplicationUsingSpring;
import dev.deliverytracker.architecture.ArchitectureRules;
import dev.deliverytracker.bootstrap.fixture.BootstrapBuildingAnAdaptersSettings;
import dev.deliverytracker.bootstrap.fixture.BootstrapConstructingTheGateway;
import dev.deliverytracker.application.port.SharedTypeNamingAUseCase;
import dev.deliverytracker.application.port.in.fixture.UseCaseNamingAnOutboundPort;
import dev.deliverytracker.application.port.out.fixture.OutboundPortNamingAUseCase;
import dev.deliverytracker.application.port.out.fixture.PortLeakingJpa;
import dev.deliverytracker.domain.fixture.DomainUsingSpring;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /**
     * Bootstrap names no adapter class: every port implementation and every adapter's settings come from
     * the adapters' auto-configurations (ADR 0052, ADR 0085).
     */
    static final ArchRule BOOTSTRAP_WIRES_NO_ADAPTER_BY_NAME = classes()
            .that().resideInAPackage(ArchitectureRules.ROOT + ".bootstrap..")
            .should(new ArchCondition<JavaClass>("name no adapter class") {
                @Override
                public void check(JavaClass bootstrapClass, ConditionEvents events) {
                    bootstrapClass.getDirectDependenciesFromSelf().forEach(dependency -> {
                        if (dependency.getTargetClass().getPackageName().startsWith(ArchitectureRules.ROOT + ".adapter.")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            })
            .as("bootstrap wires adapters through their auto-configurations, naming none of their classes")
            .allowEmptyShould(false);

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The other modules arrive as jars; their test fixtures (test-jars) are not production code.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(ArchitectureRules.ROOT);

    @Test
    void the_production_code_was_found_in_every_module() {
        assertThat(PRODUCTION.stream().map(type -> type.getPackageName()).distinct())
                .contains("dev.deliverytracker.domain", "dev.deliverytracker.application.service",
                        "dev.deliverytracker.adapter.web", "dev.deliverytracker.adapter.persistence",
                        "dev.deliverytracker.adapter.twilio", "dev.deliverytracker.adapter.kafka",
                        "dev.deliverytracker.bootstrap");
    }

    @Test
    void the_domain_depends_on_the_jdk_only() {
        ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK.check(PRODUCTION);
    }

    @Test
    void the_application_depends_on_the_domain_only() {
        ArchitectureRules.APPLICATION_USES_ONLY_THE_DOMAIN.check(PRODUCTION);
    }

    @Test
    void no_adapter_depends_on_another() {
        ArchitectureRules.ADAPTERS_DO_NOT_USE_EACH_OTHER.check(PRODUCTION);
    }

    @Test
    void nothing_but_bootstrap_depends_on_bootstrap() {
        ArchitectureRules.ONLY_BOOTSTRAP_USES_BOOTSTRAP.check(PRODUCTION);
    }

    @Test
    void ports_speak_in_domain_terms() {
        ArchitectureRules.PORTS_SPEAK_IN_DOMAIN_TERMS.check(PRODUCTION);
    }

    @Test
    void inbound_ports_do_not_use_outbound_ports() {
        ArchitectureRules.INBOUND_PORTS_STAND_ALONE.check(PRODUCTION);
    }

    @Test
    void outbound_ports_do_not_use_inbound_ports() {
        ArchitectureRules.OUTBOUND_PORTS_STAND_ALONE.check(PRODUCTION);
    }

    @Test
    void the_ports_shared_types_use_neither_side() {
        ArchitectureRules.SHARED_PORT_TYPES_STAND_ALONE.check(PRODUCTION);
    }

    @Test
    void bootstrap_wires_no_adapter_by_name() {
        BOOTSTRAP_WIRES_NO_ADAPTER_BY_NAME.check(PRODUCTION);
    }

    @Test
    void driving_adapters_use_inbound_ports_only() {
        ArchitectureRules.DRIVING_ADAPTERS_USE_INBOUND_PORTS.check(PRODUCTION);
    }

    /** Each rule, shown failing on a class written to break it, so none can pass vacuously. */
    @Nested
    class each_rule_fails_on_a_violation {

        @Test
        void spring_in_the_domain() {
            assertViolated(ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK, DomainUsingSpring.class);
        }

        @Test
        void spring_in_the_application() {
            assertViolated(ArchitectureRules.APPLICATION_USES_ONLY_THE_DOMAIN, ApplicationUsingSpring.class);
        }

        @Test
        void the_web_adapter_reaching_into_persistence() {
            assertViolated(ArchitectureRules.ADAPTERS_DO_NOT_USE_EACH_OTHER,
                    WebAdapterReachingIntoPersistence.class);
        }

        @Test
        void bootstrap_building_an_adapter_by_name() {
            assertViolated(BOOTSTRAP_WIRES_NO_ADAPTER_BY_NAME, BootstrapConstructingTheGateway.class);
        }

        @Test
        void bootstrap_building_an_adapters_settings() {
            assertViolated(BOOTSTRAP_WIRES_NO_ADAPTER_BY_NAME, BootstrapBuildingAnAdaptersSettings.class);
        }

        @Test
        void a_new_adapter_reaching_into_another_is_caught_without_naming_it_in_the_rules() {
            assertViolated(ArchitectureRules.ADAPTERS_DO_NOT_USE_EACH_OTHER, NewcomerReachingIntoWeb.class);
        }

        @Test
        void an_outside_adapter_holding_a_service_class() {
            assertViolated(ArchitectureRules.adapterRules("com.example.outside").get(0),
                    OutsideAdapterCallingAService.class);
        }

        @Test
        void an_outside_adapter_using_one_of_our_adapters() {
            assertViolated(ArchitectureRules.adapterRules("com.example.outside").get(0),
                    OutsideAdapterUsingTheWebAdapter.class);
        }

        @Test
        void an_outside_driving_adapter_reaching_past_its_use_case() {
            assertViolated(ArchitectureRules.adapterRules("com.example.outside").get(1),
                    OutsideControllerReachingPastTheUseCase.class);
        }

        @Test
        void an_outside_adapter_implementing_a_port_keeps_to_the_rules() {
            JavaClasses notifier = new ClassFileImporter().importClasses(OutsideNotifier.class);
            for (ArchRule rule : ArchitectureRules.adapterRules("com.example.outside")) {
                assertThat(rule.evaluate(notifier).hasViolation()).as(rule.getDescription()).isFalse();
            }
        }

        @Test
        void an_adapter_using_bootstrap() {
            assertViolated(ArchitectureRules.ONLY_BOOTSTRAP_USES_BOOTSTRAP, WebAdapterUsingBootstrap.class);
        }

        @Test
        void a_jpa_type_in_a_port() {
            assertViolated(ArchitectureRules.PORTS_SPEAK_IN_DOMAIN_TERMS, PortLeakingJpa.class);
        }

        @Test
        void a_use_case_naming_an_outbound_port() {
            assertViolated(ArchitectureRules.INBOUND_PORTS_STAND_ALONE, UseCaseNamingAnOutboundPort.class);
        }

        @Test
        void an_outbound_port_naming_a_use_case() {
            assertViolated(ArchitectureRules.OUTBOUND_PORTS_STAND_ALONE, OutboundPortNamingAUseCase.class);
        }

        @Test
        void a_shared_port_type_naming_one_side() {
            assertViolated(ArchitectureRules.SHARED_PORT_TYPES_STAND_ALONE, SharedTypeNamingAUseCase.class);
        }

        @Test
        void a_controller_reaching_past_its_use_case_to_a_store() {
            assertViolated(ArchitectureRules.DRIVING_ADAPTERS_USE_INBOUND_PORTS, ControllerReachingPastTheUseCase.class);
        }

        @Test
        void a_controller_calling_a_service_class_instead_of_its_use_case() {
            assertViolated(ArchitectureRules.DRIVING_ADAPTERS_USE_INBOUND_PORTS, ControllerCallingAService.class);
        }

        @Test
        void a_rule_that_matches_no_class_fails() {
            JavaClasses nothingInDomain = new ClassFileImporter().importClasses(WebAdapterUsingBootstrap.class);
            assertThatThrownBy(() -> ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK.check(nothingInDomain))
                    .hasMessageContaining("failed to check any classes");
        }

        private void assertViolated(ArchRule rule, Class<?> violation) {
            EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(violation));
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        }
    }
}
