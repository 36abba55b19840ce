package dev.deliverytracker.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The dependency rules of DESIGN.md, naming what each layer may use. Every rule fails when it matches
 * no class, and {@link ArchitectureTest} shows each failing on a deliberate violation.
 */
final class ArchitectureRules {

    static final String ROOT = "dev.deliverytracker";

    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes()
            .that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..")
            .as("the domain depends on the JDK only")
            .allowEmptyShould(false);

    static final ArchRule APPLICATION_USES_ONLY_THE_DOMAIN = classes()
            .that().resideInAPackage(ROOT + ".application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application..")
            .as("the application depends on the domain and the JDK only")
            .allowEmptyShould(false);

    static final ArchRule ADAPTERS_DO_NOT_USE_EACH_OTHER = adaptersIndependent(
            List.of("web", "persistence", "twilio"));

    static final ArchRule ONLY_BOOTSTRAP_USES_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".bootstrap..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".bootstrap..")
            .as("nothing but bootstrap depends on bootstrap")
            .allowEmptyShould(false);

    static final ArchRule PORTS_SPEAK_IN_DOMAIN_TERMS = methods()
            .that().areDeclaredInClassesThat().resideInAnyPackage(ROOT + ".application.port..")
            .should(new ArchCondition<JavaMethod>("use no framework or persistence type in their signature") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    java.util.Set<JavaClass> involved = new java.util.HashSet<>(
                            method.getReturnType().getAllInvolvedRawTypes());
                    method.getParameterTypes().forEach(type -> involved.addAll(type.getAllInvolvedRawTypes()));
                    involved.stream().filter(FRAMEWORK::test)
                            .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " exposes " + type.getName())));
                }
            })
            .as("ports speak in domain terms: no JPA, Spring or servlet types in their signatures")
            .allowEmptyShould(false);

    static final ArchRule INBOUND_PORTS_STAND_ALONE = classes()
            .that().resideInAPackage(ROOT + ".application.port.in..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application.port",
                    ROOT + ".application.port.in..")
            .as("inbound ports use the domain, the ports' shared types and each other, never an outbound port")
            .allowEmptyShould(false);

    static final ArchRule OUTBOUND_PORTS_STAND_ALONE = classes()
            .that().resideInAPackage(ROOT + ".application.port.out..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application.port",
                    ROOT + ".application.port.out..")
            .as("outbound ports use the domain, the ports' shared types and each other, never an inbound port")
            .allowEmptyShould(false);

    static final ArchRule SHARED_PORT_TYPES_STAND_ALONE = classes()
            .that().resideInAPackage(ROOT + ".application.port")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application.port")
            .as("the types both sides of the ports share use the domain and each other only")
            .allowEmptyShould(false);

    static final ArchRule DRIVING_ADAPTERS_USE_INBOUND_PORTS = classes()
            .that().resideInAPackage(ROOT + ".adapter..")
            .should(new ArchCondition<JavaClass>("reach the application through inbound ports only when they drive it") {
                @Override
                public void check(JavaClass adapterClass, ConditionEvents events) {
                    boolean drives = adapterClass.getDirectDependenciesFromSelf().stream()
                            .anyMatch(dependency -> in(dependency.getTargetClass(), ".application.port.in"));
                    boolean web = adapterClass.getPackageName().startsWith(ROOT + ".adapter.web");
                    adapterClass.getDirectDependenciesFromSelf().forEach(dependency -> {
                        JavaClass target = dependency.getTargetClass();
                        boolean pastTheUseCase = in(target, ".application.port.out") || in(target, ".application.service");
                        boolean serviceFromTheWeb = web && in(target, ".application.service");
                        if ((drives && pastTheUseCase) || serviceFromTheWeb) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }

                private boolean in(JavaClass type, String packageSuffix) {
                    String name = type.getPackageName();
                    return name.equals(ROOT + packageSuffix) || name.startsWith(ROOT + packageSuffix + ".");
                }
            })
            .as("a driving adapter uses inbound ports only: a class that calls a use case uses no outbound port "
                    + "and no service, and the web adapter no service at all")
            .allowEmptyShould(false);

    private static final DescribedPredicate<JavaClass> FRAMEWORK = DescribedPredicate.describe("framework type",
            type -> type.getPackageName().startsWith("org.springframework")
                    || type.getPackageName().startsWith("jakarta.")
                    || type.getPackageName().startsWith("org.hibernate")
                    || type.getPackageName().startsWith("com.twilio"));

    private static ArchRule adaptersIndependent(List<String> adapters) {
        return classes().that().resideInAPackage(ROOT + ".adapter..")
                .should(new ArchCondition<JavaClass>("not depend on another adapter") {
                    @Override
                    public void check(JavaClass adapterClass, ConditionEvents events) {
                        String own = adapterOf(adapterClass.getPackageName());
                        adapterClass.getDirectDependenciesFromSelf().forEach(dependency -> {
                            String target = adapterOf(dependency.getTargetClass().getPackageName());
                            if (target != null && !target.equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        });
                    }

                    private String adapterOf(String packageName) {
                        for (String adapter : adapters) {
                            if (packageName.equals(ROOT + ".adapter." + adapter)
                                    || packageName.startsWith(ROOT + ".adapter." + adapter + ".")) {
                                return adapter;
                            }
                        }
                        return null;
                    }
                })
                .as("no adapter depends on another adapter")
                .allowEmptyShould(false);
    }
}
