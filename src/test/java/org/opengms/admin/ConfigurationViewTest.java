package org.opengms.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Push credentials never show in the admin view; their harmless neighbours do. */
class ConfigurationViewTest {

  @Test
  void shouldMaskPushSecretsOnly() {
    assertTrue(ConfigurationView.isSecret("apple.key"));
    assertTrue(ConfigurationView.isSecret("fcm.service_account"));
    assertTrue(ConfigurationView.isSecret("apple.trust_store_password"));
    assertFalse(ConfigurationView.isSecret("apple.key_id"));
    assertFalse(ConfigurationView.isSecret("apple.key_file"));
    assertFalse(ConfigurationView.isSecret("fcm.service_account_file"));
    assertFalse(ConfigurationView.isSecret("apple.topic"));
  }
}
