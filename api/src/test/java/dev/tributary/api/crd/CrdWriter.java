package dev.tributary.api.crd;

import dev.tributary.api.sources.SourceKinds;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Version;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Build step (run by the api module's pom in {@code process-test-classes}): generates the CRD YAMLs
 * of {@link SourceKinds} into {@code <outputDir>/crds/<plural>.<group>.yaml}, so the api jar
 * carries them.
 *
 * <p>It is fabric8's crd-generator plus one fix: the generator sorts additionalPrinterColumns by
 * name, while kubectl prints them in declared order and users expect Knative's order (SINK,
 * SCHEDULE, AGE, READY, REASON). The post-processor restores the order the columns are declared in
 * on each version's class.
 */
public final class CrdWriter {
  private CrdWriter() {}

  public static void main(String[] args) throws IOException {
    File out = new File(args[0], "crds");
    Files.createDirectories(out.toPath());
    List<Class<? extends HasMetadata>> classes = new ArrayList<>(SourceKinds.all());
    int written =
        new CRDGenerator()
            .customResourceClasses(classes)
            .forCRDVersions("v1")
            .withPostProcessor(new DeclaredColumnOrder())
            .inOutputDir(out)
            .generate();
    // The generator names files <plural>.<group>-v1.yml; keep one plain name per CRD.
    for (File f : out.listFiles((dir, name) -> name.endsWith("-v1.yml"))) {
      File renamed = new File(out, f.getName().replace("-v1.yml", ".yaml"));
      Files.move(f.toPath(), renamed.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println("CrdWriter: wrote " + written + " CRDs to " + out);
  }

  /** Orders each version's columns as the annotations are declared on that version's class. */
  static final class DeclaredColumnOrder implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      if (!(crd instanceof CustomResourceDefinition definition)) {
        return crd;
      }
      for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
        List<String> declared = declaredColumns(definition, version.getName());
        if (version.getAdditionalPrinterColumns() != null && !declared.isEmpty()) {
          List<CustomResourceColumnDefinition> columns =
              new ArrayList<>(version.getAdditionalPrinterColumns());
          columns.sort(Comparator.comparingInt(c -> declared.indexOf(c.getName())));
          version.setAdditionalPrinterColumns(columns);
        }
      }
      return crd;
    }

    private static List<String> declaredColumns(CustomResourceDefinition crd, String version) {
      for (Class<? extends CustomResource<?, ?>> type : SourceKinds.all()) {
        String crdName = CustomResource.getCRDName(type);
        Version v = type.getAnnotation(Version.class);
        if (crdName.equals(crd.getMetadata().getName()) && v != null && v.value().equals(version)) {
          return Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
              .map(AdditionalPrinterColumn::name)
              .toList();
        }
      }
      return List.of();
    }
  }
}
