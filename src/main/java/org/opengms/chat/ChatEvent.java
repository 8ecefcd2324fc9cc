package org.opengms.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.opengms.persistence.ColumnLengths;

/** One stored transcript event of a chat, at its 1-based position. */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "chat_event",
    indexes = {@Index(name = "ix_chat_event_chat", columnList = "chat_id, position")})
@NamedQuery(
    name = ChatEvent.OF_CHAT,
    query = "select e from ChatEvent e where e.chatId = :chatId order by e.position")
@NamedQuery(
    name = ChatEvent.OF_CHAT_AFTER,
    query =
        "select e from ChatEvent e where e.chatId = :chatId and e.position > :after"
            + " order by e.position")
@NamedQuery(
    name = ChatEvent.OF_OPEN_CHATS,
    query =
        "select e from ChatEvent e where e.chatId in (select c.id from ChatSession c where"
            + " c.state <> :finished) order by e.chatId, e.position")
public class ChatEvent {

  static final String OF_CHAT = "ChatEvent.ofChat";
  static final String OF_CHAT_AFTER = "ChatEvent.ofChatAfter";
  static final String OF_OPEN_CHATS = "ChatEvent.ofOpenChats";

  /** {@code <chat id>:<position>}. */
  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "chat_id", nullable = false, length = 16)
  private String chatId;

  @Column(nullable = false)
  private int position;

  @Column(name = "event_type", nullable = false, length = 32)
  private String type;

  @Column(nullable = false, length = 255)
  private String nickname;

  @Column(name = "event_text", nullable = false, length = ChatSettings.MAX_TEXT_CHARS)
  private String text;

  @Column(name = "seconds_from_start", nullable = false)
  private long secondsFromStart;

  @Column(name = "user_type", nullable = false, length = 16)
  private String userType;

  /** The event's details as a JSON object (file events), null for none. */
  @Column(name = "user_data", length = 4000)
  private String userData;

  protected ChatEvent() {}

  ChatEvent(String chatId, int position, TranscriptEvent event) {
    this.id = chatId + ":" + position;
    this.chatId = chatId;
    this.position = position;
    this.type = event.type();
    this.nickname = event.nickname();
    this.text = event.text();
    this.secondsFromStart = event.secondsFromStart();
    this.userType = event.userType();
    this.userData = EventData.toJson(event.userData());
  }

  String chatId() {
    return chatId;
  }

  TranscriptEvent toEvent() {
    return new TranscriptEvent(
        type, nickname, text, secondsFromStart, userType, EventData.fromJson(userData));
  }
}
