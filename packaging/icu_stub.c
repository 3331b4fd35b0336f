/* An empty ICU common-data package under the name libicudata.so.<major> exports, built
 * by packaging/connectivity_assistant.spec in place of the 32 MB original.
 *
 * QtCore links libicuuc/libicui18n, which link libicudata; the loader needs the file, but
 * the app calls nothing that reads ICU's data (QCollator, non-Unicode QStringConverter
 * codecs, ICU time zones): Qt's locales are its own CLDR tables, case mapping and
 * normalisation are compiled into libicuuc, Linux time zones come from tzdata. ICU's own
 * "stubdata" library is this same header: a table of contents with no entries, after which
 * ICU would look for an icudt<major>l.dat file and report U_FILE_ACCESS_ERROR to a caller.
 * The smoke test (tests/packaging/) runs the wizard, the demo and the PDF export with it.
 *
 * cc -shared -fPIC -DICU_MAJOR=73 -Wl,-soname,libicudata.so.73 -o libicudata.so.73 icu_stub.c
 */
#include <stdint.h>

#define ENTRY_(major) icudt##major##_dat
#define ENTRY(major) ENTRY_(major)

struct icu_data_header {
    uint16_t header_size;
    uint8_t magic1, magic2;
    struct {
        uint16_t size, reserved_word;
        uint8_t is_big_endian, charset_family, sizeof_uchar, reserved_byte;
        uint8_t data_format[4], format_version[4], data_version[4];
    } info;
    char padding[8];
    uint32_t count, reserved;
    uint32_t toc[4];
};

__attribute__((visibility("default"))) const struct icu_data_header ENTRY(ICU_MAJOR) = {
    32, 0xda, 0x27,
    {20, 0, 0, 0, 2, 0, {'T', 'o', 'C', 'P'}, {1, 0, 0, 0}, {0, 0, 0, 0}},
    {0}, 0, 0, {0, 0, 0, 0},
};
