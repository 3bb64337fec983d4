#ifndef VERSION_H
#define VERSION_H
#define COMMITTEE_PDF_VERSION "0.1.0"
#endif
