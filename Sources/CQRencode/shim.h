// libqrencode, seen only from ShopcastCore/Graphics.
#ifndef SHOPCAST_CQRENCODE_SHIM_H
#define SHOPCAST_CQRENCODE_SHIM_H

#include <qrencode.h>

#endif
