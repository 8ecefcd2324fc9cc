package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChatMetricsTest {

  private static ChatFigures.Queue queue(
      int waiting, int readyCapacity, int freeSlots, long handled, long handleSeconds) {
    return new ChatFigures.Queue(waiting, 0, readyCapacity, freeSlots, 0, handled, handleSeconds);
  }

  @Test
  void shouldExpectNoWaitWhileASlotIsFree() {
    assertEquals(0, ChatMetrics.expectedWait(queue(0, 3, 1, 0, 0), 300));
    assertEquals(0, ChatMetrics.expectedWait(queue(1, 3, 2, 0, 0), 300));
  }

  @Test
  void shouldUseDefaultHandleTimeBeforeAnyChatEnded() {
    assertEquals(300, ChatMetrics.expectedWait(queue(0, 0, 0, 0, 0), 300));
    assertEquals(900, ChatMetrics.expectedWait(queue(2, 0, 0, 0, 0), 300));
  }

  @Test
  void shouldShareWaitAmongReadySlotsWithAverageHandleTime() {
    // 4 waiting + 1, no free slot, 2 slots, average 100 s: ceil(5 x 100 / 2)
    assertEquals(250, ChatMetrics.expectedWait(queue(4, 2, 0, 3, 300), 300));
    // one free slot takes one of them: ceil(4 x 100 / 2)
    assertEquals(200, ChatMetrics.expectedWait(queue(4, 2, 1, 3, 300), 300));
  }
}
