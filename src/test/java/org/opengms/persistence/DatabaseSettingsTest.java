package org.opengms.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void shouldWriteEmbeddedH2CommitsBeforeAnswering() {
    assertEquals(
        "jdbc:h2:file:/d/gms;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        DatabaseSettings.durable("jdbc:h2:file:/d/gms;DB_CLOSE_ON_EXIT=FALSE"));
    assertEquals("jdbc:h2:./x;WRITE_DELAY=0", DatabaseSettings.durable("jdbc:h2:./x"));
  }

  @Test
  void shouldKeepAnExplicitDelayAndOtherDatabases() {
    assertEquals(
        "jdbc:h2:./x;write_delay=100", DatabaseSettings.durable("jdbc:h2:./x;write_delay=100"));
    assertEquals("jdbc:h2:mem:t", DatabaseSettings.durable("jdbc:h2:mem:t"));
    assertEquals("jdbc:postgresql://h/db", DatabaseSettings.durable("jdbc:postgresql://h/db"));
  }

  @Test
  void shouldWaitTenSecondsForH2LocksUnlessTheUrlSaysOtherwise() {
    assertEquals("jdbc:h2:./x;LOCK_TIMEOUT=10000", DatabaseSettings.waitForLocks("jdbc:h2:./x"));
    assertEquals(
        "jdbc:h2:./x;lock_timeout=5", DatabaseSettings.waitForLocks("jdbc:h2:./x;lock_timeout=5"));
    assertEquals("jdbc:postgresql://h/db", DatabaseSettings.waitForLocks("jdbc:postgresql://h/db"));
  }
}
