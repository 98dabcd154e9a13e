import ShopcastCore

/// The control API described in OpenAPI 3.0, served at `GET /v1/openapi.json`. The test suite
/// runs schemathesis against a live go-live with it, so it says exactly what the server does:
/// every path, method, field and status.
enum OpenAPIDocument {
    /// The document for a show: its first offer and product are the path parameters' examples.
    static func json(for manifest: Manifest) -> String {
        var text = template
        for (placeholder, id) in [("__OFFER__", manifest.offers.first?.id), ("__PRODUCT__", manifest.productOrder.first)] {
            if let id {
                text = text.replacingOccurrences(of: "\"\(placeholder)\"", with: JSONValue.string(id).rendered)
            } else {
                text = text.replacingOccurrences(of: ", \"example\": \"\(placeholder)\"", with: "")
            }
        }
        return text
    }

    /// The whole document: what each path does (here) and the shapes it answers with
    /// (`components`, in OpenAPIComponents.swift).
    static let template = paths + "\n" + components

    static let paths = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "shopcast control API",
    "version": "1",
    "description": "Steer a running 'shopcast go-live': cue offers, end or extend them, set stock, show banners, read the show's state and metrics, follow its events. Commands are applied between two frames; an accepted one answers with the stream time of the frame it first shows on. Every request but /health needs 'Authorization: Bearer TOKEN' when go-live was given a token."
  },
  "security": [{"bearer": []}],
  "paths": {
    "/health": {
      "get": {
        "summary": "Liveness check (no token needed).",
        "operationId": "health",
        "security": [],
        "responses": {
          "200": {"description": "The server answers.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
        }
      }
    },
    "/metrics": {
      "get": {
        "summary": "The run in Prometheus' text format.",
        "operationId": "metrics",
        "responses": {
          "200": {"description": "Prometheus text exposition format 0.0.4.", "content": {"text/plain": {"schema": {"type": "string"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/v1/state": {
      "get": {
        "summary": "The show's state: live offer, next offer, stock, banners, destinations, inputs, stream.",
        "operationId": "state",
        "responses": {
          "200": {"description": "The state as of the last frame.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/State"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/v1/openapi.json": {
      "get": {
        "summary": "This document.",
        "operationId": "openapi",
        "responses": {
          "200": {"description": "OpenAPI 3.0 document.", "content": {"application/json": {"schema": {"type": "object"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/v1/events": {
      "get": {
        "summary": "The live event stream: server-sent events, or a WebSocket when the request asks to upgrade (one JSON event per text message).",
        "operationId": "events",
        "responses": {
          "200": {"description": "text/event-stream, one 'data:' line per event, in the --events dialect.", "content": {"text/event-stream": {"schema": {"type": "string"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/offers/{id}/cue": {
      "post": {
        "summary": "Put an offer on screen now, by offer id or product id, with optional overrides for this airing.",
        "operationId": "cueOffer",
        "parameters": [{"name": "id", "in": "path", "required": true, "description": "An offer id, or a product id (its next offer not yet shown, else its last one, else a plain card at its list price).", "schema": {"type": "string", "minLength": 1}, "example": "__OFFER__"}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Overrides"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/offers/next": {
      "post": {
        "summary": "Start the next scheduled offer now, with its own length (or the overrides').",
        "operationId": "nextOffer",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Overrides"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/offers/end": {
      "post": {
        "summary": "Take the live offer off the screen now.",
        "operationId": "endOffer",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/offers/extend": {
      "post": {
        "summary": "Keep the live offer on screen longer. Scheduled offers that come due meanwhile wait for it, then run for what is left of their slot.",
        "operationId": "extendOffer",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/By"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/offers/shorten": {
      "post": {
        "summary": "End the live offer earlier (now, if shortened past the present).",
        "operationId": "shortenOffer",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/By"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/stock/{product}": {
      "put": {
        "summary": "Set a product's stock. At 0 its card shows SOLD OUT on the next frame.",
        "operationId": "setStock",
        "parameters": [{"$ref": "#/components/parameters/Product"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetUnits"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/stock/{product}/sold": {
      "post": {
        "summary": "Take units off a product's stock (the shop posts each sale); 1 without a body. The stock stops at 0.",
        "operationId": "sold",
        "parameters": [{"$ref": "#/components/parameters/Product"}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Units"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/stock/{product}/restock": {
      "post": {
        "summary": "Add units to a product's stock.",
        "operationId": "restock",
        "parameters": [{"$ref": "#/components/parameters/Product"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetUnitsPositive"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/stock/{product}/sold-out": {
      "post": {
        "summary": "Mark a product sold out (stock 0).",
        "operationId": "soldOut",
        "parameters": [{"$ref": "#/components/parameters/Product"}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/banners": {
      "post": {
        "summary": "A banner now, for a length in seconds or until banners are cleared.",
        "operationId": "showBanner",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Banner"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      },
      "delete": {
        "summary": "Take every banner off the screen (repeating ones come back at their next time).",
        "operationId": "clearBanners",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/chat": {
      "post": {
        "summary": "A comment, tip or purchase on the chat column (the shop's backend announcing a sale, a payment provider's tip): the object a --chat JSON line holds, cleaned by the manifest's chat rules, shown on a coming frame if the flood rule lets it.",
        "operationId": "postChat",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatPost"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{id}/approve": {
      "post": {
        "summary": "Put a held message on screen (go-live --chat-hold).",
        "operationId": "approveChat",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{id}/pin": {
      "post": {
        "summary": "Pin a message above the chat column until unpinned: the question the host answers.",
        "operationId": "pinChat",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/pin": {
      "delete": {
        "summary": "Unpin the pinned chat message.",
        "operationId": "unpinChat",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{id}": {
      "delete": {
        "summary": "Take a chat message off the screen (a moderator's deletion), by the id it was posted with.",
        "operationId": "deleteChat",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/slate": {
      "post": {
        "summary": "Put the holding slate up: a break. It covers the picture, over silence, until taken down.",
        "operationId": "slateOn",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      },
      "delete": {
        "summary": "Take the producer's holding slate down: the picture is back (unless the input itself is lost).",
        "operationId": "slateOff",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/crop": {
      "put": {
        "summary": "Move the crop of every rendition that cuts its picture from a wider one (a 9:16 rendition of a 16:9 camera) to follow the host, from the next frame: left, centre, right or a percentage from 0 (the left edge) to 100 (the right edge).",
        "operationId": "cropMove",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Crop"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      },
      "delete": {
        "summary": "Put the crop back where go-live's --crop-vertical placed it.",
        "operationId": "cropReset",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    }
  },
"""#
}
