package org.opengms.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opengms.api.error.InvalidRequestException;

/**
 * The one length rule, enforced from the schema itself: before any entity is inserted or updated,
 * every text column (and the keys and values of text maps) is checked against its {@code @Column}
 * length, so a value too long for its column is a 400 naming the field and its limit, not a
 * database error (500). Listed on every entity with {@code @EntityListeners(ColumnLengths.class)}.
 */
public class ColumnLengths {

  private record Limit(Field field, String name, int length, int keyLength) {}

  private static final Map<Class<?>, List<Limit>> LIMITS = new ConcurrentHashMap<>();

  @PrePersist
  @PreUpdate
  public void check(Object entity) {
    for (Limit limit : LIMITS.computeIfAbsent(entity.getClass(), ColumnLengths::limits)) {
      Object value;
      try {
        value = limit.field().get(entity);
      } catch (IllegalAccessException e) {
        continue; // made accessible below; a field we cannot read is not ours to check
      }
      if (value instanceof String text) {
        require(limit.name(), text, limit.length());
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (e.getKey() instanceof String key) {
            require(limit.name() + " name", key, limit.keyLength());
          }
          if (e.getValue() instanceof String text) {
            require(limit.name() + " " + e.getKey(), text, limit.length());
          }
        }
      }
    }
  }

  private static void require(String name, String value, int max) {
    if (value.length() > max) {
      throw new InvalidRequestException(name + " is longer than " + max + " characters");
    }
  }

  private static List<Limit> limits(Class<?> type) {
    List<Limit> limits = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        Column column = field.getAnnotation(Column.class);
        if (column == null || Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        boolean text = field.getType() == String.class;
        boolean textMap = Map.class.isAssignableFrom(field.getType());
        if (!text && !textMap) {
          continue;
        }
        MapKeyColumn key = field.getAnnotation(MapKeyColumn.class);
        field.setAccessible(true);
        limits.add(
            new Limit(
                field,
                words(column.name().isEmpty() ? field.getName() : column.name()),
                column.length(),
                key == null ? Integer.MAX_VALUE : key.length()));
      }
    }
    return List.copyOf(limits);
  }

  /** {@code customer_number} or {@code customerNumber} → "customer number". */
  private static String words(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
  }
}
