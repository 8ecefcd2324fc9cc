package org.opengms.persistence.schema;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway exactly the listed migrations instead of letting it scan {@code classpath:}
 * locations, which depends on the server's class loader (WildFly serves the WAR from its virtual
 * file system).
 */
final class MigrationFiles implements ResourceProvider {

  private final List<MigrationFile> files;

  MigrationFiles(ClassLoader loader, List<String> paths) {
    this.files = paths.stream().map(p -> new MigrationFile(loader, p)).toList();
  }

  @Override
  public LoadableResource getResource(String name) {
    return files.stream()
        .filter(f -> f.getAbsolutePath().equals(name) || f.getFilename().equals(name))
        .findFirst()
        .orElse(null);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return files.stream()
        .filter(f -> f.getFilename().startsWith(prefix))
        .filter(f -> Arrays.stream(suffixes).anyMatch(s -> f.getFilename().endsWith(s)))
        .map(LoadableResource.class::cast)
        .toList();
  }
}
