package com.trackagoat.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Arrows between packages point one way (package-info.java of each package says where it sits): rules at the
 * bottom, reading source data above them, the jobs above that, the ways in on top. Generated classes
 * ({@code __} in their names, from Spring's AOT processing) are left out.
 */
@AnalyzeClasses(packages = "com.trackagoat.compliance", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NotGenerated.class})
class ArchitectureTest {

    private static final String P = "com.trackagoat.compliance.";

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.trackagoat.compliance.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule evaluationDependsOnNoOtherProjectPackage = noClasses()
            .that().resideInAPackage(P + "evaluation..")
            .should().dependOnClassesThat(inProjectOutside("evaluation"));

    /** The rules are plain Java: the JDK, and Jackson's annotations that name their JSON codes. */
    @ArchTest
    static final ArchRule evaluationIsPlainJava = classes()
            .that().resideInAPackage(P + "evaluation..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..",
                    P + "evaluation..");

    @ArchTest
    static final ArchRule bodyDependsOnlyOnEvaluation = noClasses()
            .that().resideInAPackage(P + "body..")
            .should().dependOnClassesThat(inProjectOutside("body", "evaluation"));

    @ArchTest
    static final ArchRule sourceServesTheJobAndTheReport = noClasses()
            .that().resideInAPackage(P + "source..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "snapshot..", P + "report..", P + "api..",
                    P + "cli..", P + "schedule..", P + "demo..", P + "console..");

    @ArchTest
    static final ArchRule snapshotKnowsNoWayIn = noClasses()
            .that().resideInAPackage(P + "snapshot..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "api..", P + "cli..", P + "schedule..",
                    P + "report..", P + "demo..", P + "console..");

    /** The console is a way in on top: nothing else uses it (its paths are listed in the API key filter as text). */
    @ArchTest
    static final ArchRule nothingUsesTheConsole = noClasses()
            .that().resideOutsideOfPackage(P + "console..")
            .should().dependOnClassesThat().resideInAPackage(P + "console..");

    @ArchTest
    static final ArchRule onlyTheCliUsesTheCli = noClasses()
            .that().resideOutsideOfPackage(P + "cli..")
            .should().dependOnClassesThat().resideInAPackage(P + "cli..");

    /** Classes of the project outside the given packages (and their subpackages). */
    private static DescribedPredicate<JavaClass> inProjectOutside(String... packages) {
        return DescribedPredicate.describe("are project classes outside " + String.join(", ", packages), c -> {
            if (!c.getPackageName().startsWith(P)) {
                return false;
            }
            String rest = c.getPackageName().substring(P.length());
            for (String p : packages) {
                if (rest.equals(p) || rest.startsWith(p + ".")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Leaves out classes generated at build time, whose names hold {@code __}. */
    static final class NotGenerated implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("__");
        }
    }
}
