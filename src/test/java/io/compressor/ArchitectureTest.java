package io.compressor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/// The dependency rules of DESIGN.md, checked on the production classes.
@AnalyzeClasses(packages = "io.compressor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule pipelineKnowsNothingOfApiStorageOrDb = noClasses().that()
            .resideInAPackage("io.compressor.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.compressor.api..", "io.compressor.storage..", "io.compressor.db..", "io.compressor.web..");

    @ArchTest
    static final ArchRule onlyPipelineTouchesVips = noClasses().that()
            .resideOutsideOfPackages("io.compressor.pipeline..", "io.compressor.vips..")
            .should().dependOnClassesThat().resideInAPackage("io.compressor.vips..");

    @ArchTest
    static final ArchRule onlyStorageProvidersUseCloudSdks = noClasses().that()
            .resideOutsideOfPackages("io.compressor.storage.s3..", "io.compressor.storage.azure..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.azure..");

    @ArchTest
    static final ArchRule apiAndWebCallServicesNeverRepositories = noClasses().that()
            .resideInAnyPackage("io.compressor.api..", "io.compressor.web..")
            .should().dependOnClassesThat().resideInAPackage("io.compressor.db..");

    @ArchTest
    static final ArchRule theDashboardIsNotBuiltOnTheApi = noClasses().that()
            .resideInAPackage("io.compressor.web..")
            .should().dependOnClassesThat().resideInAPackage("io.compressor.api..");

    @ArchTest
    static final ArchRule onlyAppReadsTheEnvironment = noClasses().that()
            .resideOutsideOfPackage("io.compressor.app..")
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class);

    @ArchTest
    static final ArchRule onlyTheCompositionRootIsAboveEveryone = noClasses().that()
            .resideOutsideOfPackage("io.compressor.app..")
            .should().dependOnClassesThat().resideInAPackage("io.compressor.app..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.compressor.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyVipsUsesNativeCode = noClasses().that()
            .resideOutsideOfPackage("io.compressor.vips..")
            .should().dependOnClassesThat().resideInAPackage("java.lang.foreign..");
}
