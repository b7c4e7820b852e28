package dev.simstack.core.internal.services.dynamodb.item;

/**
 * DynamoDB's item size formula ("Item sizes and formats" in the developer guide): the UTF-8 length of
 * each attribute name plus its value's size, where a number takes one byte per two significant digits
 * plus one, booleans and nulls one byte, sets the sum of their elements, and lists and maps three bytes
 * plus one byte per element. It decides the 400 KB limit and capacity units.
 */
public final class ItemSize {

    /** DynamoDB's item size limit: 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static long of(AttributeMap item) {
        long size = 0;
        for (int i = 0; i < item.size(); i++) {
            size += utf8Length(item.nameAt(i)) + of(item.valueAt(i));
        }
        return size;
    }

    public static long of(AttributeValue value) {
        switch (value.type()) {
            case S:
                return ((AttributeValue.S) value).utf8().length;
            case N:
                return (Numbers.significantDigits(((AttributeValue.N) value).value()) + 1) / 2 + 1;
            case B:
                return ((AttributeValue.B) value).bytes().length;
            case BOOL:
            case NULL:
                return 1;
            case SS:
            case NS:
            case BS:
                long set = 0;
                for (AttributeValue element : ((AttributeValue.SetValue) value).elements()) {
                    set += of(element);
                }
                return set;
            case L:
                long list = 3;
                for (AttributeValue element : ((AttributeValue.L) value).values()) {
                    list += of(element) + 1;
                }
                return list;
            default:
                AttributeMap map = ((AttributeValue.M) value).values();
                return 3 + of(map) + map.size();
        }
    }

    public static int utf8Length(String text) {
        int length = text.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 2;
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
