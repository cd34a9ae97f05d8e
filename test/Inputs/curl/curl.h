// Stub shaped like <curl/curl.h>: the C API of libcurl.
#pragma once
extern "C" {
typedef void CURL;
typedef int CURLcode;
CURL *curl_easy_init(void);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
}
