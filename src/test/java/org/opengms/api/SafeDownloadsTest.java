package org.opengms.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeDownloadsTest {

  @Test
  void shouldShowOnlyInertTypesInline() {
    assertTrue(SafeDownloads.isInline("image/png"));
    assertTrue(SafeDownloads.isInline("text/plain; charset=UTF-8"));
    assertTrue(SafeDownloads.isInline("application/pdf"));
    assertFalse(SafeDownloads.isInline("image/svg+xml"), "SVG runs scripts");
    assertFalse(SafeDownloads.isInline("text/html"));
    assertFalse(SafeDownloads.isInline("not a type"));
    assertFalse(SafeDownloads.isInline(null));
  }
}
