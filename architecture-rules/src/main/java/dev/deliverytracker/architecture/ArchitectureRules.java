package dev.deliverytracker.architecture;

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
 * no class, and bootstrap's {@code ArchitectureTest} shows each failing on a deliberate violation.
 *
 * <p>Adapters are recognised by package, not by name: every {@code dev.deliverytracker.adapter.<name>}
 * is an adapter of its own, so a new adapter module is held to these rules without a change here. An
 * adapter module in another repository, under a package of its own, uses {@link #adapterRules(String)},
 * most easily through {@link AdapterArchitectureContract}.
 */
public final class ArchitectureRules {

    public static final String ROOT = "dev.deliverytracker";
    static final String ADAPTERS = ROOT + ".adapter.";

    private ArchitectureRules() {
    }

    public static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes()
            .that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..")
            .as("the domain depends on the JDK only")
            .allowEmptyShould(false);

    public static final ArchRule APPLICATION_USES_ONLY_THE_DOMAIN = classes()
            .that().resideInAPackage(ROOT + ".application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application..")
            .as("the application depends on the domain and the JDK only")
            .allowEmptyShould(false);

    public static final ArchRule ADAPTERS_DO_NOT_USE_EACH_OTHER = classes().that().resideInAPackage(ROOT + ".adapter..")
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
            })
            .as("no adapter depends on another adapter (each dev.deliverytracker.adapter.<name> is one)")
            .allowEmptyShould(false);

    public static final ArchRule ONLY_BOOTSTRAP_USES_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".bootstrap..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".bootstrap..")
            .as("nothing but bootstrap depends on bootstrap")
            .allowEmptyShould(false);

    public static final ArchRule PORTS_SPEAK_IN_DOMAIN_TERMS = methods()
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

    public static final ArchRule INBOUND_PORTS_STAND_ALONE = classes()
            .that().resideInAPackage(ROOT + ".application.port.in..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application.port",
                    ROOT + ".application.port.in..")
            .as("inbound ports use the domain, the ports' shared types and each other, never an outbound port")
            .allowEmptyShould(false);

    public static final ArchRule OUTBOUND_PORTS_STAND_ALONE = classes()
            .that().resideInAPackage(ROOT + ".application.port.out..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application.port",
                    ROOT + ".application.port.out..")
            .as("outbound ports use the domain, the ports' shared types and each other, never an inbound port")
            .allowEmptyShould(false);

    public static final ArchRule SHARED_PORT_TYPES_STAND_ALONE = classes()
            .that().resideInAPackage(ROOT + ".application.port")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".application.port")
            .as("the types both sides of the ports share use the domain and each other only")
            .allowEmptyShould(false);

    public static final ArchRule DRIVING_ADAPTERS_USE_INBOUND_PORTS = classes()
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
            })
            .as("a driving adapter uses inbound ports only: a class that calls a use case uses no outbound port "
                    + "and no service, and the web adapter no service at all")
            .allowEmptyShould(false);

    private static final DescribedPredicate<JavaClass> FRAMEWORK = DescribedPredicate.describe("framework type",
            type -> type.getPackageName().startsWith("org.springframework")
                    || type.getPackageName().startsWith("jakarta.")
                    || type.getPackageName().startsWith("org.hibernate")
                    || type.getPackageName().startsWith("com.twilio"));

    /** The adapter a package belongs to: the segment after {@code dev.deliverytracker.adapter.}, or null. */
    static String adapterOf(String packageName) {
        if (!packageName.startsWith(ADAPTERS)) {
            return null;
        }
        String rest = packageName.substring(ADAPTERS.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Every rule, for the build that holds all of the tracker's modules (bootstrap's tests). */
    public static List<ArchRule> all() {
        return List.of(DOMAIN_USES_ONLY_THE_JDK, APPLICATION_USES_ONLY_THE_DOMAIN, ADAPTERS_DO_NOT_USE_EACH_OTHER,
                ONLY_BOOTSTRAP_USES_BOOTSTRAP, PORTS_SPEAK_IN_DOMAIN_TERMS, INBOUND_PORTS_STAND_ALONE,
                OUTBOUND_PORTS_STAND_ALONE, SHARED_PORT_TYPES_STAND_ALONE, DRIVING_ADAPTERS_USE_INBOUND_PORTS);
    }

    /**
     * The rules an adapter written elsewhere holds itself to, for its classes in {@code adapterPackage}
     * (and below): of the tracker it uses the domain and the ports only (never a service class, bootstrap,
     * another adapter or the test fakes; a store of the delivery log may run the application's
     * {@code service.attribution} steps, ADR 0029), and a class that drives a use case uses no outbound port.
     */
    public static List<ArchRule> adapterRules(String adapterPackage) {
        if (adapterPackage == null || adapterPackage.isBlank() || adapterPackage.endsWith(".")) {
            throw new IllegalArgumentException("the adapter's package, such as com.example.tracker.sms, was '"
                    + adapterPackage + "'");
        }
        String own = adapterPackage + "..";
        ArchRule onlyPorts = classes().that().resideInAPackage(own)
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "are outside the tracker, or in its domain, its ports or this adapter",
                        (JavaClass type) -> !type.getPackageName().startsWith(ROOT + ".")
                                || type.getPackageName().startsWith(ROOT + ".domain")
                                || type.getPackageName().startsWith(ROOT + ".application.port")
                                || type.getPackageName().equals(ROOT + ".application.service.attribution")
                                || type.getPackageName().equals(adapterPackage)
                                || type.getPackageName().startsWith(adapterPackage + ".")))
                .as("adapter " + adapterPackage + " uses of the tracker only its domain and its ports")
                .allowEmptyShould(false);
        ArchRule driving = classes().that().resideInAPackage(own)
                .should(new ArchCondition<JavaClass>("use no outbound port when they drive a use case") {
                    @Override
                    public void check(JavaClass adapterClass, ConditionEvents events) {
                        boolean drives = adapterClass.getDirectDependenciesFromSelf().stream()
                                .anyMatch(dependency -> in(dependency.getTargetClass(), ".application.port.in"));
                        if (drives) {
                            adapterClass.getDirectDependenciesFromSelf().stream()
                                    .filter(dependency -> in(dependency.getTargetClass(), ".application.port.out"))
                                    .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                            dependency.getDescription())));
                        }
                    }
                })
                .as("a class of adapter " + adapterPackage + " that calls a use case uses no outbound port")
                .allowEmptyShould(false);
        return List.of(onlyPorts, driving);
    }

    private static boolean in(JavaClass type, String packageSuffix) {
        String name = type.getPackageName();
        return name.equals(ROOT + packageSuffix) || name.startsWith(ROOT + packageSuffix + ".");
    }
}
