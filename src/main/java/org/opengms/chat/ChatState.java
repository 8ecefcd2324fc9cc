package org.opengms.chat;

/** Where a chat is in its life: waiting in the queue, with an agent, or over. */
public enum ChatState {
  WAITING,
  ASSIGNED,
  FINISHED
}
