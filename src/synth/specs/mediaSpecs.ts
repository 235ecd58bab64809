import type {DomainSpec} from "../ToolSpec.js";

/** Images, video, audio and documents processing. */
export const mediaSpecs: DomainSpec = {
    domain: "media",
    namespace: "media",
    tools: [
        {
            name: "resize_image",
            description: "Resize an image to a width and height.",
            action: "resize",
            standalone: "resize an image",
            params: [
                "image_path: str<image_file> | {} | Path of the image.",
                "width: int[1..10000](64..4000) | to {} | Target width in pixels.",
                "height: int[1..10000](64..4000) | x {} pixels | Target height in pixels.",
                "keep_aspect?=true: bool | keeping the aspect ratio / stretching to fit | Whether to keep proportions."
            ]
        },
        {
            name: "convert_image",
            description: "Convert an image to another format.",
            action: "convert",
            standalone: "convert an image",
            params: [
                "image_path: str<image_file> | {} | Path of the image.",
                "format: enum(png,jpeg,webp,gif,tiff) | to {} | Target format.",
                "quality?=85: int[1..100](50..100) | at quality {} | Quality for lossy formats."
            ]
        },
        {
            name: "describe_image",
            description: "Describe the contents of an image.",
            action: "describe the image at",
            standalone: "describe an image",
            params: [
                "image_url: str<url> | {} | Image URL.",
                "detail?=normal: enum(brief,normal,detailed) | in a {} way | Level of detail."
            ]
        },
        {
            name: "trim_video",
            description: "Cut a clip out of a video.",
            action: "trim",
            standalone: "trim a video",
            params: [
                "video_path: str<video_file> | {} | Path of the video.",
                "start_seconds: num(0..600)/1 | from {} s | Clip start in seconds.",
                "end_seconds: num(5..1200)/1 | to {} s | Clip end in seconds.",
                "mute?=false: bool | without sound / with sound | Whether to remove the audio."
            ]
        },
        {
            name: "transcribe_audio",
            description: "Transcribe speech in an audio file to text.",
            action: "transcribe",
            standalone: "transcribe an audio file",
            params: [
                "audio_path: str<audio_file> | {} | Path of the audio file.",
                "language?: str<lang_code> | in language {} | Spoken language code; detected when omitted.",
                "timestamps?=false: bool | with timestamps / without timestamps | Whether to add timestamps."
            ]
        },
        {
            name: "text_to_speech",
            description: "Turn text into spoken audio.",
            action: "read aloud",
            standalone: "turn text into speech",
            params: [
                "text: str<phrase> | \"{}\" | Text to speak.",
                "voice?=neutral: enum(neutral,warm,bright,deep) | with a {} voice | Voice.",
                "speed?=1: num[0..3](0.5..2)/1 | at {}x speed | Speaking rate."
            ]
        },
        {
            name: "add_watermark",
            description: "Add a text watermark to an image.",
            action: "watermark",
            standalone: "add a watermark",
            params: [
                "image_path: str<image_file> | {} | Path of the image.",
                "text: str<company> | with \"{}\" | Watermark text.",
                "position?=bottom_right: enum(top_left,top_right,bottom_left,bottom_right,center) | in the {} corner | Where to place it.",
                "opacity?=0.5: num[0..1](0.1..0.9)/1 | at {} opacity | Opacity between 0 and 1."
            ]
        },
        {
            name: "extract_pdf_text",
            description: "Extract text from pages of a PDF.",
            action: "extract the text from",
            standalone: "extract text from a PDF",
            params: [
                "pdf_path: str<pdf_file> | {} | Path of the PDF.",
                "pages?: int(1..40)[]{1,4} | , pages {} | Page numbers; all pages when omitted.",
                "ocr?=false: bool | using OCR / without OCR | Whether to run OCR on scanned pages."
            ]
        }
    ]
};
