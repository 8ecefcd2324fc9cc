package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CallbackMetricsTest {

  @Test
  void shouldEstimateWaitLikeTheChatEngine() {
    assertEquals(0, CallbackMetrics.expectedWait(0, 1, 0, 0, 0, 300), "a free agent: no wait");
    assertEquals(600, CallbackMetrics.expectedWait(1, 0, 0, 0, 0, 300), "(1 + 1) x 300 / 1");
    assertEquals(300, CallbackMetrics.expectedWait(1, 2, 2, 0, 0, 300), "(1+1) x 300 / 2");
    assertEquals(200, CallbackMetrics.expectedWait(1, 1, 1, 2, 200, 300), "average 100 s");
    assertEquals(
        50, CallbackMetrics.expectedWait(3, 4, 2, 1, 100, 300), "(3+1-2) x 100 / 4 ready agents");
  }
}
