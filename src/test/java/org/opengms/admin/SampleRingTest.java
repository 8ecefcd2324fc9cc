package org.opengms.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleRingTest {

  @Test
  void shouldKeepTheLastSamplesOldestFirst() {
    SampleRing<Integer> ring = new SampleRing<>(3);
    assertEquals(List.of(), ring.all());
    for (int i = 1; i <= 5; i++) {
      ring.add(i);
    }
    assertEquals(List.of(3, 4, 5), ring.all());
  }

  @Test
  void shouldRefuseAnEmptyRing() {
    assertThrows(IllegalArgumentException.class, () -> new SampleRing<Integer>(0));
  }
}
